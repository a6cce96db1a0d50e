package io.gridpulse.model.event;

/** How a plaque was scanned. */
public enum ScanMethod {
    QR,
    NFC
}
