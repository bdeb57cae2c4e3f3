package dev.poolkeeper.adapters.rest.planted;

import dev.poolkeeper.application.service.pool.GetPoolService;

/** Breaks the rules on purpose: an adapter that calls a service instead of a use case. Test sources only. */
public final class ControllerCallingAService {
    private final GetPoolService service;

    public ControllerCallingAService(GetPoolService service) {
        this.service = service;
    }

    public GetPoolService service() {
        return service;
    }
}
