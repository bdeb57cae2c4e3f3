package dev.poolkeeper.adapters.web.view;

import java.util.List;

/** What a sync would do at one provider now, each operation in words; or why it cannot tell. */
public record PlanRow(String provider, String providerPoolId, List<String> operations, String error) {
}
