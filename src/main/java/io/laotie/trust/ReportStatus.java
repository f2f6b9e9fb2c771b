package io.laotie.trust;

/** Where a report of an abusive review stands: waiting for an operator, upheld (the review hidden) or dismissed. */
public enum ReportStatus {
    OPEN, UPHELD, DISMISSED
}
