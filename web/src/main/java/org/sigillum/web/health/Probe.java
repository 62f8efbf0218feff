package org.sigillum.web.health;

/** One dependency whose state decides readiness. */
interface Probe {

    record Result(String name, boolean up, String detail) {
    }

    Result check();
}
