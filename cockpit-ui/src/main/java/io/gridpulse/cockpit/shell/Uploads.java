package io.gridpulse.cockpit.shell;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;

import static com.vaadin.flow.component.UI.getCurrent;

/** The administrators' one-file uploads (a calendar year, a devices file), in the user's language. */
public final class Uploads {

    private Uploads() {}

    /**
     * An upload of one file of these types, at most {@code maxBytes}, its words (the button, the drop zone, every
     * refusal) from the message bundles: Vaadin's own are English only. Give it its handler with
     * {@link Upload#setUploadHandler}.
     */
    public static Upload oneFile(String id, int maxBytes, String dropLabel, String... acceptedTypes) {
        var upload = new Upload();
        upload.setId(id);
        upload.setAcceptedFileTypes(acceptedTypes);
        upload.setMaxFiles(1);
        upload.setMaxFileSize(maxBytes);
        upload.setDropLabel(new Span(dropLabel));
        upload.setI18n(new UploadI18N()
                .setAddFiles(new UploadI18N.AddFiles().setOne(text("upload.add")).setMany(text("upload.add")))
                .setDropFiles(new UploadI18N.DropFiles().setOne(text("upload.drop")).setMany(text("upload.drop")))
                .setError(new UploadI18N.Error()
                        .setTooManyFiles(text("upload.error.many"))
                        .setFileIsTooBig(text("upload.error.big", maxBytes / 1024))
                        .setIncorrectFileType(text("upload.error.type"))));
        return upload;
    }

    private static String text(String key, Object... params) {
        return getCurrent().getTranslation(key, params);
    }
}
