package io.laotie.platform;

/** The object is not in a state that allows the operation (409). */
public class IllegalTransition extends Problem {

    public IllegalTransition(String detail) {
        super("illegal-transition", 409, "Illegal transition", detail);
    }
}
