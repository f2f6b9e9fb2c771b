package io.laotie.order;

/** One bad line of an imported file: its number (1 is the first line of the file) and what is wrong with it. */
public record LineError(int line, String message) {
}
