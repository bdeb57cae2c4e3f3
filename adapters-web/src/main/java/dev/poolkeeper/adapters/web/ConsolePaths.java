package dev.poolkeeper.adapters.web;

/** The console's addresses. */
final class ConsolePaths {
    static final String ROOT = "/console";
    static final String SIGN_IN = ROOT + "/sign-in";
    static final String POOLS = ROOT + "/pools";
    static final String STATIC = ROOT + "/static/";

    private ConsolePaths() {
    }

}
