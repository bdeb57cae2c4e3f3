package dev.poolkeeper.adapters.web.view;

import dev.poolkeeper.domain.message.DeliveryDay;
import java.util.ArrayList;
import java.util.List;

/**
 * One day's bar of a pool's delivered-share chart, in the chart's own units: each day is {@value #STEP} wide,
 * the height is the share in percent (0–100). A day without receipts is drawn as a thin grey mark.
 */
public record DeliveryBar(String day, int x, int y, int height, boolean empty, String share, long delivered,
                          long receipts) {
    public static final int STEP = 10;
    public static final int HEIGHT = 100;

    public static List<DeliveryBar> of(List<DeliveryDay> days) {
        List<DeliveryBar> bars = new ArrayList<>(days.size());
        for (int i = 0; i < days.size(); i++) {
            DeliveryDay d = days.get(i);
            int percent = (int) Math.round(d.deliveredShare().orElse(0) * 100);
            boolean empty = d.receipts() == 0;
            int height = empty ? 1 : Math.max(percent, 1);
            bars.add(new DeliveryBar(d.day().toString(), i * STEP + 1, HEIGHT - height, height, empty,
                    empty ? "no receipts" : percent + " %", d.delivered(), d.receipts()));
        }
        return bars;
    }

    /** The chart's width for this many days. */
    public static int width(List<DeliveryBar> bars) {
        return bars.size() * STEP;
    }
}
