package io.irready.inventory.config;

import io.irready.core.Memo;
import java.util.List;
import java.util.function.Supplier;

/** AWS Config recorders of one region with their recording status, and its delivery channels, loaded on first use. */
public final class ConfigRecorderInventory {
    private final Supplier<List<ConfigRecorder>> recorders;
    private final Supplier<List<DeliveryChannel>> channels;

    public ConfigRecorderInventory(Supplier<List<ConfigRecorder>> recorders, Supplier<List<DeliveryChannel>> channels) {
        this.recorders = Memo.of(recorders);
        this.channels = Memo.of(channels);
    }

    public static ConfigRecorderInventory of(List<ConfigRecorder> recorders, List<DeliveryChannel> channels) {
        return new ConfigRecorderInventory(() -> List.copyOf(recorders), () -> List.copyOf(channels));
    }

    /** Every recorder ({@code config:DescribeConfigurationRecorders} + {@code …RecorderStatus}). */
    public List<ConfigRecorder> recorders() {
        return recorders.get();
    }

    /** Every delivery channel with its last delivery status ({@code config:DescribeDeliveryChannelStatus}). */
    public List<DeliveryChannel> deliveryChannels() {
        return channels.get();
    }
}
