package dev.poolkeeper.adapters.web.view;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** A value as a URL's query parameter. */
public final class Urls {
    private Urls() {
    }

    public static String param(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
