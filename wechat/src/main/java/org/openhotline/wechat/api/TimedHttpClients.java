package org.openhotline.wechat.api;

import org.apache.http.HttpHost;
import org.apache.http.client.HttpRequestRetryHandler;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.conn.ConnectionKeepAliveStrategy;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.DefaultHttpRequestRetryHandler;
import org.apache.http.impl.client.HttpClientBuilder;
import org.apache.http.impl.client.HttpClients;
import me.chanjar.weixin.common.util.http.apache.ApacheHttpClientBuilder;

/**
 * An HTTP client per API instance with this channel's timeouts. weixin-java-mp's default builder is a JVM-wide
 * singleton that builds one client once, so its timeouts cannot differ per account or test; and its
 * transport-level retries are off here because {@link KefuSender} owns retries.
 */
final class TimedHttpClients implements ApacheHttpClientBuilder {
    private final int timeoutMillis;
    private String proxyHost;
    private int proxyPort;
    private ConnectionKeepAliveStrategy keepAlive;
    private SSLConnectionSocketFactory ssl;

    TimedHttpClients(int timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public CloseableHttpClient build() {
        RequestConfig rc = RequestConfig.custom().setConnectTimeout(timeoutMillis).setSocketTimeout(timeoutMillis)
                .setConnectionRequestTimeout(timeoutMillis).build();
        HttpClientBuilder b = HttpClients.custom().setDefaultRequestConfig(rc).setMaxConnTotal(50).setMaxConnPerRoute(50)
                .setRetryHandler(new DefaultHttpRequestRetryHandler(0, false)).disableCookieManagement();
        if (proxyHost != null && proxyPort > 0) b.setProxy(new HttpHost(proxyHost, proxyPort));
        if (keepAlive != null) b.setKeepAliveStrategy(keepAlive);
        if (ssl != null) b.setSSLSocketFactory(ssl);
        return b.build();
    }

    @Override
    public ApacheHttpClientBuilder httpProxyHost(String v) { this.proxyHost = v; return this; }

    @Override
    public ApacheHttpClientBuilder httpProxyPort(int v) { this.proxyPort = v; return this; }

    @Override
    public ApacheHttpClientBuilder httpProxyUsername(String v) { return this; }

    @Override
    public ApacheHttpClientBuilder httpProxyPassword(String v) { return this; }

    @Override
    public ApacheHttpClientBuilder httpRequestRetryHandler(HttpRequestRetryHandler v) { return this; }

    @Override
    public ApacheHttpClientBuilder keepAliveStrategy(ConnectionKeepAliveStrategy v) { this.keepAlive = v; return this; }

    @Override
    public ApacheHttpClientBuilder sslConnectionSocketFactory(SSLConnectionSocketFactory v) { this.ssl = v; return this; }
}
