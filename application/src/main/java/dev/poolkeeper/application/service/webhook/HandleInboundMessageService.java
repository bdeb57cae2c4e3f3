package dev.poolkeeper.application.service.webhook;

import dev.poolkeeper.application.idempotency.IdempotentRequest;
import dev.poolkeeper.application.port.in.webhook.HandleInboundMessageUseCase;
import dev.poolkeeper.application.port.out.event.EventRepository;
import dev.poolkeeper.application.port.out.messaging.WebhookReceiptLog;
import dev.poolkeeper.application.port.out.pool.KeywordReplyRepository;
import dev.poolkeeper.application.port.out.pool.PoolMemberRepository;
import dev.poolkeeper.application.port.out.pool.PoolRepository;
import dev.poolkeeper.application.port.out.selection.OptOutRepository;
import dev.poolkeeper.application.port.out.selection.StickySenderRepository;
import dev.poolkeeper.application.port.out.tx.TransactionRunner;
import dev.poolkeeper.application.service.event.OptOutEvents;
import dev.poolkeeper.application.service.messaging.MessageStore;
import dev.poolkeeper.application.service.sync.OptOutListMirror;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.event.AccountEvent;
import dev.poolkeeper.domain.event.EventType;
import dev.poolkeeper.domain.message.InboundMessage;
import dev.poolkeeper.domain.message.Message;
import dev.poolkeeper.domain.message.Sender;
import dev.poolkeeper.domain.message.Submission;
import dev.poolkeeper.domain.number.PoolMember;
import dev.poolkeeper.domain.optout.Keyword;
import dev.poolkeeper.domain.optout.KeywordReplies;
import dev.poolkeeper.domain.pool.NumberPool;
import dev.poolkeeper.domain.selection.Reason;
import dev.poolkeeper.domain.selection.StickyMapping;
import dev.poolkeeper.domain.selection.TraceStep;
import dev.poolkeeper.domain.shared.Times;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An SMS received on pool numbers: for each pool (of the signing account, for a connection's callback) that
 * holds the receiving number, a {@code message.inbound} event with the sticky mapping the sender matched,
 * and for STOP / START the change to the pool's opt-out list, with its {@code opt_out.*} event. When the
 * pool has a reply for the keyword, the reply is queued from the receiving number, once per account, in the
 * same unit of work: a provider's retry of the same message is acknowledged and changes nothing, and so
 * never answers twice.
 */
public final class HandleInboundMessageService implements HandleInboundMessageUseCase {
    private final PoolMemberRepository members;
    private final PoolRepository pools;
    private final OptOutRepository optOuts;
    private final StickySenderRepository stickies;
    private final EventRepository events;
    private final WebhookReceiptLog receiptLog;
    private final OptOutListMirror mirror;
    private final KeywordReplyRepository replies;
    private final MessageStore store;
    private final TransactionRunner tx;
    private final Clock clock;

    public HandleInboundMessageService(PoolMemberRepository members, PoolRepository pools, OptOutRepository optOuts,
                                       StickySenderRepository stickies, EventRepository events,
                                       WebhookReceiptLog receiptLog, OptOutListMirror mirror,
                                       KeywordReplyRepository replies, MessageStore store, TransactionRunner tx,
                                       Clock clock) {
        this.replies = replies;
        this.store = store;
        this.members = members;
        this.pools = pools;
        this.optOuts = optOuts;
        this.stickies = stickies;
        this.events = events;
        this.receiptLog = receiptLog;
        this.mirror = mirror;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public Result handleInboundMessage(InboundMessage message) {
        Keyword keyword = Keyword.of(message.text());
        Instant now = Times.now(clock);
        return tx.inTransaction(() -> {
            // an account's own connection can sign anything: its messages are logged, and act, in its own space
            String scope = message.account().map(a -> a.value() + ":").orElse("");
            if (message.providerMessageId().isPresent() && !receiptLog.firstSeen(message.provider(),
                    "in:" + scope + message.providerMessageId().get(), now)) {
                return new Result(keyword, 0);
            }
            int changed = 0;
            Set<AccountId> answered = new HashSet<>();
            for (PoolMemberRepository.Holder holder : members.holders(message.to())) {
                if (message.account().isPresent() && !message.account().get().equals(holder.accountId())) {
                    continue;
                }
                NumberPool pool = pools.find(holder.accountId(), holder.poolId()).orElse(null);
                if (pool == null) {
                    continue;
                }
                Optional<Message> reply = answered.contains(pool.accountId()) || !KeywordReplies.mayAnswer(message.text())
                        ? Optional.empty() : autoReply(pool, message, keyword, now);
                reply.ifPresent(r -> answered.add(pool.accountId()));
                Map<String, Object> inbound = inbound(pool, message, keyword);
                reply.ifPresent(r -> inbound.put("auto_reply_message_id", r.id().value()));
                events.append(AccountEvent.of(pool.accountId(), EventType.MESSAGE_INBOUND, now,
                        Map.of("message", inbound)));
                if (!keyword.changesOptOut() || pool.settings().selfManagedOptOutsEnabled()) {
                    continue;
                }
                boolean listChanged = keyword == Keyword.STOP
                        ? optOuts.optOut(pool.accountId(), pool.optOutListKey(), message.from(), now).optedOutAt()
                                .equals(now)
                        : optOuts.optIn(pool.accountId(), pool.optOutListKey(), message.from());
                if (listChanged) {
                    changed++;
                    events.append(OptOutEvents.of(pool.accountId(), keyword == Keyword.STOP, pool.optOutListKey(),
                            message.from(), "keyword", Optional.of(pool.id()), now));
                    if (pool.settings().optOutList().isPresent()) {
                        mirror.listChanged(pool.accountId(), pool.settings().optOutList().get(), now);
                    } else {
                        mirror.poolListChanged(pool, now);
                    }
                }
            }
            return new Result(keyword, changed);
        });
    }

    /**
     * The pool's answer to the message, queued from the number it came in on. STOP and START are confirmed
     * unless the application manages opt-outs itself; HELP is always answered; a pool's own keyword is not
     * answered to a sender on the pool's opt-out list (carriers allow only HELP and opt-out confirmations to
     * reach an opted-out number).
     */
    private Optional<Message> autoReply(NumberPool pool, InboundMessage message, Keyword keyword, Instant now) {
        Optional<KeywordReplies.Reply> reply = replies.find(pool.accountId(), pool.id()).replyTo(message.text());
        if (reply.isEmpty() || keyword.changesOptOut() && pool.settings().selfManagedOptOutsEnabled()
                || keyword == Keyword.NONE && optOuts.isOptedOut(pool.accountId(), pool.optOutListKey(), message.from())) {
            return Optional.empty();
        }
        Optional<PoolMember> member = members.find(pool.id(), message.to()).filter(m -> m.provider().sends());
        if (member.isEmpty()) {
            return Optional.empty();
        }
        Sender sender = new Sender(message.to().e164(), member.get().provider(), Optional.of(member.get().type()),
                Reason.KEYWORD_REPLY);
        String word = Keyword.word(message.text());
        List<TraceStep> trace = List.of(new TraceStep("keyword_reply", 1, "reply to " + word
                + reply.get().language().map(l -> " (" + l + ")").orElse("") + " from the number it came in on"));
        Optional<String> key = message.providerMessageId()
                .map(id -> "keyword-reply:" + message.provider().wireName() + ":" + id)
                .filter(IdempotentRequest::isWellFormedKey);
        Message m = Message.accept(pool.accountId(), pool.id(), message.from(), reply.get().text(), sender, trace, key,
                Submission.standard(now), now);
        return store.insert(m) ? Optional.of(m) : Optional.empty();
    }

    /** The reply as the application sees it: where it came in, from whom, and the sticky mapping it matched. */
    private Map<String, Object> inbound(NumberPool pool, InboundMessage message, Keyword keyword) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("pool_id", pool.id().value());
        data.put("number", message.to().e164());
        data.put("from", message.from().e164());
        data.put("text", message.text());
        data.put("provider", message.provider().wireName());
        if (keyword != Keyword.NONE) {
            data.put("keyword", keyword.name().toLowerCase(java.util.Locale.ROOT));
        }
        message.providerMessageId().ifPresent(id -> data.put("provider_message_id", id));
        Optional<StickyMapping> sticky = pool.settings().stickySender() ? stickies.find(pool.id(), message.from())
                : Optional.empty();
        sticky.ifPresent(m -> {
            Map<String, Object> mapping = new LinkedHashMap<>();
            mapping.put("from", m.sender().e164());
            mapping.put("matches_receiving_number", m.sender().equals(message.to()));
            data.put("sticky_sender", mapping);
        });
        return data;
    }
}
