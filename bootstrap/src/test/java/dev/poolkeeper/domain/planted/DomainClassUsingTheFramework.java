package dev.poolkeeper.domain.planted;

import io.micronaut.core.annotation.Introspected;

/** Breaks the rules on purpose: a domain class carrying a framework annotation. Test sources only. */
@Introspected
public final class DomainClassUsingTheFramework {
}
