package dev.poolkeeper.adapters.web;

import dev.poolkeeper.adapters.web.view.OutcomeRow;
import dev.poolkeeper.application.port.in.sync.ImportPoolCommand;
import dev.poolkeeper.application.port.in.sync.ImportPoolUseCase;
import dev.poolkeeper.application.port.in.sync.ImportResult;
import dev.poolkeeper.domain.number.CampaignId;
import dev.poolkeeper.domain.pool.PoolName;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.WireName;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Adopts a pool that exists at a provider as a new pool of the account: all its numbers, or nothing and the
 * numbers that could not join.
 */
@Controller(ConsolePaths.POOLS + "/import")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
final class PoolImportController {
    private final ImportPoolUseCase imports;

    PoolImportController(ImportPoolUseCase imports) {
        this.imports = imports;
    }

    @Post
    ModelAndView<Map<String, Object>> importPool(HttpRequest<?> request, @Body Map<String, String> form) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("poolId", "");
        model.put("poolName", "");
        model.put("refused", List.of());
        String problem = "";
        try {
            Provider provider = WireName.parse(Provider.class, form.getOrDefault("provider", ""))
                    .filter(Provider::sends).orElseThrow(() -> new IllegalArgumentException("choose the provider"));
            String campaign = form.getOrDefault("campaign_id", "").strip();
            ImportResult result = imports.importPool(new ImportPoolCommand(ConsoleRequests.caller(request), provider,
                    form.getOrDefault("provider_pool_id", "").strip(), new PoolName(form.getOrDefault("name", "").strip()),
                    campaign.isEmpty() ? Optional.empty() : Optional.of(new CampaignId(campaign))));
            if (result.pool().isPresent()) {
                model.put("poolId", result.pool().get().id().value());
                model.put("poolName", result.pool().get().name().value());
            } else {
                problem = "Nothing was imported: these numbers of the provider's pool cannot join a pool.";
                model.put("refused", result.refused().stream().map(o -> new OutcomeRow(o.requested(),
                        o.status().name().toLowerCase(Locale.ROOT), false, o.message() == null ? "" : o.message()))
                        .toList());
            }
        } catch (DomainException e) {
            problem = "Nothing was imported: " + e.getMessage();
        } catch (IllegalArgumentException e) {
            problem = "Nothing was imported: " + e.getMessage() + ".";
        }
        model.put("problem", problem);
        return new ModelAndView<>("fragments/imported", model);
    }
}
