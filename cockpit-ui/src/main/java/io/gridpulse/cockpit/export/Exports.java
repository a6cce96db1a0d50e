package io.gridpulse.cockpit.export;

import com.vaadin.flow.server.streams.DownloadHandler;
import io.gridpulse.cockpit.CockpitContext;
import io.gridpulse.cockpit.security.AccessDenied;
import io.gridpulse.cockpit.security.CockpitUser;
import io.gridpulse.cockpit.security.Permission;
import io.gridpulse.model.area.AreaCode;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Downloads of the numbers behind a page, the same way on every page: the user's permission to export
 * and their scope over the exported area are checked again at download time (a link outlives the page
 * it was made on), and every export is written to the audit log before a byte leaves.
 */
public final class Exports {
    public static final String CSV = "text/csv; charset=utf-8";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private Exports() {}

    /** What an export writes once it is allowed. */
    @FunctionalInterface
    public interface Body {
        void write(OutputStream out) throws IOException;
    }

    /**
     * A download of {@code area}'s data by {@code user}, audited as {@code target}.
     *
     * @throws AccessDenied at download time, when the user may not export or not see the area
     */
    public static DownloadHandler guarded(CockpitUser user, AreaCode area, String target, String fileName,
                                          String contentType, Body body) {
        return download -> {
            if (!user.may(Permission.EXPORT) || !user.canSee(area)) {
                throw new AccessDenied("export of " + area + " refused for " + user.name());
            }
            CockpitContext.get().audit().append(user.name(), "export", target);
            download.setFileName(fileName);
            download.setContentType(contentType);
            body.write(download.getOutputStream());
        };
    }

    /**
     * A CSV document as Excel opens it: UTF-8 with a byte order mark (without it, Excel reads Chinese as
     * mojibake), every field quoted, CRLF line ends.
     */
    public static byte[] csv(List<String> header, List<? extends List<?>> rows) {
        var text = new StringBuilder("\uFEFF");
        line(text, header);
        rows.forEach(row -> line(text, row));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder text, List<?> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            var value = fields.get(i);
            text.append(field(value == null ? "" : value.toString()));
        }
        text.append("\r\n");
    }

    /**
     * An Excel workbook (.xlsx) of one sheet: a bold header row, numbers as numbers, everything else as text.
     * Written with fastexcel, which streams and needs no Apache POI.
     */
    public static void xlsx(OutputStream out, String sheet, List<String> header, List<? extends List<?>> rows) throws IOException {
        var workbook = new org.dhatim.fastexcel.Workbook(out, "GridPulse", "1.0");
        var ws = workbook.newWorksheet(sheet);
        for (int c = 0; c < header.size(); c++) {
            ws.value(0, c, header.get(c));
            ws.style(0, c).bold().set();
        }
        for (int r = 0; r < rows.size(); r++) {
            var row = rows.get(r);
            for (int c = 0; c < row.size(); c++) {
                switch (row.get(c)) {
                    case null -> { }
                    case Number n -> ws.value(r + 1, c, n);
                    case Object o -> ws.value(r + 1, c, o.toString());
                }
            }
        }
        workbook.finish();
    }

    /**
     * One CSV field, quoted; a leading {@code = + - @} is defused with an apostrophe so that a
     * spreadsheet does not run it as a formula (CSV injection).
     */
    public static String field(String value) {
        var v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }
}
