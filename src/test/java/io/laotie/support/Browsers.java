package io.laotie.support;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The headless Chromium browsers of a browser test class: one per name, started before its first test (or the
 * class skipped, see {@link HeadlessChromium#startOrSkip}), handed to the class through {@code ready}, stopped after
 * its last test; when a test fails, each browser's screenshot and page source are kept under
 * target/browser-failures, named after the browser. Register it as a static field with
 * {@code @RegisterExtension}.
 */
public final class Browsers implements BeforeAllCallback, AfterAllCallback, TestWatcher {

    private final List<String> names;
    private final Consumer<List<ChromeDriver>> ready;
    private final List<HeadlessChromium> running = new ArrayList<>();

    public Browsers(List<String> names, Consumer<List<ChromeDriver>> ready) {
        this.names = names;
        this.ready = ready;
    }

    public Browsers(String name, Consumer<ChromeDriver> ready) {
        this(List.of(name), drivers -> ready.accept(drivers.getFirst()));
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        for (int i = 0; i < names.size(); i++) {
            running.add(HeadlessChromium.startOrSkip());
        }
        ready.accept(running.stream().map(HeadlessChromium::driver).toList());
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        for (HeadlessChromium chromium : running) {
            chromium.stop();
        }
        running.clear();
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        for (int i = 0; i < running.size(); i++) {
            try {
                running.get(i).keep(names.get(i) + context.getRequiredTestMethod().getName());
            } catch (IOException | RuntimeException e) {
                cause.addSuppressed(e);
            }
        }
    }
}
