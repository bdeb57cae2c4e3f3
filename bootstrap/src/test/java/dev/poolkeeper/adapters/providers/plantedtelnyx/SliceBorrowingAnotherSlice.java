package dev.poolkeeper.adapters.providers.plantedtelnyx;

/** Breaks the rules on purpose: one provider's package using another's class. Test sources only. */
public final class SliceBorrowingAnotherSlice {
    public Class<?> borrowed() {
        return dev.poolkeeper.adapters.providers.sandbox.SandboxNetwork.class;
    }
}
