package org.sigillum.validation;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where the trusted-list refresh may connect. The LOTL's URL is the operator's; the URLs of the national lists come
 * from the LOTL, that is from a document fetched over the network whose signature DSS checks only after the
 * pointers have been read. So a list is fetched only from the configured LOTL URL, from a prefix the operator added
 * ({@code sigillum.trusted-lists.allowed-urls}, a mirror or a test server), or over https from a host whose every
 * address is public: a forged LOTL cannot make the server reach its own loopback, the private network or a cloud
 * metadata address. The addresses are checked again when the connection is made (see {@link #publicAddresses}), so a
 * name that changes its answer in between does not get through either.
 */
final class TrustedListUrls {

    private final String lotlUrl;
    private final List<String> prefixes;

    TrustedListUrls(String lotlUrl, List<String> prefixes) {
        this.lotlUrl = lotlUrl;
        this.prefixes = List.copyOf(prefixes);
    }

    /** Why {@code url} may not be fetched, or null when it may. */
    String refusal(String url) {
        if (url == null) {
            return "no URL";
        }
        if (url.equals(lotlUrl) || prefixes.stream().anyMatch(url::startsWith)) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "not a URL";
        }
        if (!"https".equals(uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT))) {
            return "only https URLs are fetched (or those under sigillum.trusted-lists.allowed-urls)";
        }
        if (uri.getHost() == null || uri.getUserInfo() != null) {
            return "an https URL needs a host and no user name";
        }
        try {
            publicAddresses(uri.getHost());
            return null;
        } catch (UnknownHostException e) {
            return e.getMessage();
        }
    }

    /** Hosts of the configured URLs, which may resolve to any address. */
    boolean configuredHost(String host) {
        List<String> configured = new ArrayList<>(prefixes);
        configured.add(lotlUrl);
        return configured.stream().map(TrustedListUrls::host).anyMatch(host::equalsIgnoreCase);
    }

    /** The addresses of {@code host}, refused unless every one is a public unicast address. */
    static InetAddress[] publicAddresses(String host) throws UnknownHostException {
        InetAddress[] addresses = InetAddress.getAllByName(host);
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                throw new UnknownHostException(host + " resolves to " + address.getHostAddress()
                        + ", which is not a public address");
            }
        }
        return addresses;
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            boolean sharedAddressSpace = first == 100 && second >= 64 && second < 128;
            boolean reserved = first == 0 || first >= 240 || (first == 192 && second == 0 && (bytes[2] & 0xff) == 0)
                    || (first == 198 && (second == 18 || second == 19));
            return !sharedAddressSpace && !reserved;
        }
        boolean uniqueLocal = (bytes[0] & 0xfe) == 0xfc;
        return !uniqueLocal;
    }

    private static String host(String url) {
        try {
            String host = new URI(url).getHost();
            return host == null ? "" : host;
        } catch (URISyntaxException e) {
            return "";
        }
    }
}
