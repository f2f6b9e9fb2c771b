package io.laotie.live;

/** SCHEDULED during the countdown, RUNNING in its window, ENDED when time is up, it is ended early or its session ends. */
public enum FlashSaleStatus {
    SCHEDULED, RUNNING, ENDED
}
