package io.laotie.trust;

/** Where a complaint stands: waiting for an operator, upheld (it counts in the target's scores) or dismissed. */
public enum ComplaintStatus {
    OPEN, UPHELD, DISMISSED
}
