package io.irready.inventory.config;

import io.irready.core.Memo;
import java.util.List;
import java.util.function.Supplier;

/** AWS Config recorders of one region with their recording status, loaded on first use. */
public final class ConfigRecorderInventory {
    private final Supplier<List<ConfigRecorder>> recorders;

    public ConfigRecorderInventory(Supplier<List<ConfigRecorder>> recorders) {
        this.recorders = Memo.of(recorders);
    }

    public static ConfigRecorderInventory of(List<ConfigRecorder> recorders) {
        return new ConfigRecorderInventory(() -> List.copyOf(recorders));
    }

    /** Every recorder ({@code config:DescribeConfigurationRecorders} + {@code …RecorderStatus}). */
    public List<ConfigRecorder> recorders() {
        return recorders.get();
    }
}
