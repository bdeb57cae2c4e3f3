package dev.poolkeeper.application.port.out.account;

import dev.poolkeeper.domain.account.ConsoleSession;
import java.time.Instant;
import java.util.Optional;

/** Console sessions, by the hash of their token. */
public interface ConsoleSessionRepository {
    void insert(ConsoleSession session);

    /** The session, unless its API key was revoked since (revoking a key ends its sessions). */
    Optional<ConsoleSession> findWithActiveKey(String idHash);

    void touch(String idHash, Instant at);

    void delete(String idHash);

    /** Forgets sessions past their end or idle since before {@code idleSince}; how many. */
    int deleteEnded(Instant now, Instant idleSince);
}
