package dev.bellows.data;

/** Receives the progress of batched migrations (a terminal bar, plain lines, JSON events, a test). */
@FunctionalInterface
public interface BatchListener {

    BatchListener NONE = event -> { };

    void onEvent(BatchEvent event);
}
