package dev.poolkeeper.application.service.number;

import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.port.in.number.ListMemberDetailsUseCase;
import dev.poolkeeper.application.port.in.number.ListNumbersQuery;
import dev.poolkeeper.application.port.out.pool.NumberHealthRepository;
import dev.poolkeeper.application.port.out.pool.PoolMemberRepository;
import dev.poolkeeper.application.port.out.pool.PoolRepository;
import dev.poolkeeper.application.service.selection.SendBudgets;
import dev.poolkeeper.domain.number.HealthWindow;
import dev.poolkeeper.domain.number.NumberHealth;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.number.PoolMember;
import dev.poolkeeper.domain.pool.NumberPool;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** One page of members, and one query for their health standing; rest and budget come from configuration. */
public final class ListMemberDetailsService implements ListMemberDetailsUseCase {
    private final PoolRepository pools;
    private final PoolMemberRepository members;
    private final NumberHealthRepository health;
    private final SendBudgets budgets;
    private final Duration rest;

    /** @param rest how long an unhealthy number rests before it is given another chance */
    public ListMemberDetailsService(PoolRepository pools, PoolMemberRepository members, NumberHealthRepository health,
                                    SendBudgets budgets, Duration rest) {
        this.pools = pools;
        this.members = members;
        this.health = health;
        this.budgets = budgets;
        this.rest = rest;
    }

    @Override
    public Page<MemberDetail> listMemberDetails(ListNumbersQuery query) {
        pools.find(query.caller().accountId(), query.poolId()).orElseThrow(() -> NumberPool.notFound(query.poolId()));
        Page<PoolMember> page = members.list(query.poolId(), query.filter(), query.page());
        Map<PhoneNumber, NumberHealthRepository.Standing> standings = health.standings(query.poolId(),
                page.items().stream().map(PoolMember::number).toList());
        return new Page<>(page.items().stream().map(m -> detail(m, standings.get(m.number()))).toList(), page.next());
    }

    private MemberDetail detail(PoolMember m, NumberHealthRepository.Standing standing) {
        HealthWindow window = standing == null ? HealthWindow.empty() : standing.window();
        Optional<Instant> since = standing == null ? Optional.empty() : standing.since();
        Optional<Instant> restsUntil = m.health() == NumberHealth.UNHEALTHY
                ? since.map(s -> s.plus(rest)) : Optional.empty();
        return new MemberDetail(m, window, since, restsUntil, budgets.rate(m.number(), m.type()));
    }
}
