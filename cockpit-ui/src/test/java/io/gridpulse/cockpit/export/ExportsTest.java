package io.gridpulse.cockpit.export;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExportsTest {

    @Test
    void aCsvStartsWithAByteOrderMarkSoThatExcelReadsChinese() {
        var bytes = Exports.csv(List.of("name", "n"), List.of(List.of("东城街道", 3L)));
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("\uFEFF\"name\",\"n\"\r\n\"东城街道\",\"3\"\r\n");
    }

    @Test
    void quotesAreDoubledAndFormulasDefused() {
        assertThat(Exports.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Exports.field("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(Exports.field("-1")).isEqualTo("\"'-1\"");
        assertThat(Exports.field(null)).isEqualTo("\"\"");
    }

    @Test
    void anExcelWorkbookHoldsTheHeaderAndTheChineseTextOfItsRows() throws Exception {
        var out = new ByteArrayOutputStream();
        Exports.xlsx(out, "cases", List.of("case_id", "open_breaches"), List.of(List.of("东城-1", 2L)));
        var entries = new StringBuilder();
        var file = java.nio.file.Files.createTempFile("cases", ".xlsx");
        try {
            java.nio.file.Files.write(file, out.toByteArray());
            try (var zip = new java.util.zip.ZipFile(file.toFile())) {
                for (var entry : java.util.Collections.list(zip.entries())) {
                    try (var in = zip.getInputStream(entry)) {
                        entries.append(entry.getName()).append('\n').append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
        } finally {
            java.nio.file.Files.delete(file);
        }
        // fastexcel writes non-ASCII text as XML character references: 东 is U+4E1C, 城 U+57CE
        assertThat(entries.toString()).contains("xl/workbook.xml", "case_id", "&#x4e1c;&#x57ce;-1", "<v>2</v>");
    }
}
