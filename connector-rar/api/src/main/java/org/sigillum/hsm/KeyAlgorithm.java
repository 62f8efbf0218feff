package org.sigillum.hsm;

public enum KeyAlgorithm {
    RSA,
    EC
}
