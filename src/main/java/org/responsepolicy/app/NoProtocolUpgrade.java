package org.responsepolicy.app;

import java.io.IOException;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.FilterChainEvent;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpEvents;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.util.Header;

/**
 * Serves a request that asks to switch protocols ({@code Upgrade: h2c}, which Java's HttpClient and
 * {@code curl --http2} send by default over plain HTTP) as the plain HTTP/1.1 request it also is, as RFC 9110
 * allows. Grizzly otherwise hands such a request's body over raw, for the new protocol: the API then waited for
 * a body that never ended and answered 500 after 30 s. The server speaks no other protocol, so it never
 * upgrades.
 */
final class NoProtocolUpgrade implements AddOn {

    @Override
    public void setup(NetworkListener listener, FilterChainBuilder chain) {
        int http = chain.indexOfType(HttpServerFilter.class);
        if (http < 0) {
            throw new IllegalStateException("no HTTP filter in the listener's chain");
        }
        // Right after the HTTP codec: it tells the filters above it about an upgrade while parsing the headers,
        // before it decides how to read the body.
        chain.add(http + 1, new IgnoreUpgrade());
    }

    private static final class IgnoreUpgrade extends BaseFilter {
        @Override
        public NextAction handleEvent(FilterChainContext ctx, FilterChainEvent event) throws IOException {
            if (event.type() == HttpEvents.IncomingHttpUpgradeEvent.TYPE) {
                HttpHeader header = ((HttpEvents.IncomingHttpUpgradeEvent) event).getHttpHeader();
                header.getUpgradeDC().recycle();
                header.getHeaders().removeHeader(Header.Upgrade);
                header.setIgnoreContentModifiers(false);
                return ctx.getStopAction();
            }
            return ctx.getInvokeAction();
        }
    }
}
