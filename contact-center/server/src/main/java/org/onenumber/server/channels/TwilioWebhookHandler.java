package org.onenumber.server.channels;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Queue;
import org.onenumber.channels.twilio.TwilioMessagingWebhooks;
import org.onenumber.server.security.SecurityHeadersFilter;

/**
 * One HTTP/1.1 connection's Twilio Messaging webhooks, answered in the Netty pipeline before
 * Micronaut's handler ({@link TwilioWebhookRoute}): a {@code POST} to {@code /webhooks/twilio/sms}
 * or {@code /status} (any query) is read here up to {@code micronaut.server.max-request-size} and
 * answered by {@link RawTwilioWebhooks} on a virtual thread; every other request, and a webhook
 * with a {@code Content-Encoding} or one Netty could not decode, goes on to Micronaut untouched.
 *
 * <p>Answers leave in the order requests came (HTTP/1.1 pipelining): a request arriving while a
 * webhook is being answered, or a webhook arriving while Micronaut still answers an earlier request
 * of the connection, is held (and reading paused) until the one before is answered. Keep-alive as
 * the request asks; {@code Expect: 100-continue} is answered {@code 100 Continue}, or {@code 413}
 * and closed when the announced body is too large. Event-loop confined except the answering.
 */
final class TwilioWebhookHandler extends ChannelDuplexHandler {

  private final RawTwilioWebhooks webhooks;
  /** Messages that came while they could not be handled yet, in order. */
  private final Queue<Object> held = new ArrayDeque<>();
  /** Requests handed to Micronaut whose response has not been written to its end. */
  private int downstream;
  /** The webhook being read or answered, or null. */
  private HttpRequest mine;
  private ByteBuf body;
  /** Whether the body of the request being read goes to Micronaut. */
  private boolean theirs;
  /** A read asked for while reading was paused. */
  private boolean readWanted;

  TwilioWebhookHandler(RawTwilioWebhooks webhooks) {
    this.webhooks = webhooks;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!held.isEmpty() || msg instanceof HttpRequest request && mustWait(request)) {
      held.add(msg);
      return;
    }
    dispatch(ctx, msg);
  }

  private boolean mustWait(HttpRequest request) {
    return mine != null || downstream > 0 && isWebhook(request);
  }

  private static boolean isWebhook(HttpRequest request) {
    String uri = request.uri();
    int query = uri.indexOf('?');
    return request.method() == HttpMethod.POST && request.decoderResult().isSuccess()
        && TwilioMessagingWebhooks.serves(query < 0 ? uri : uri.substring(0, query))
        && !request.headers().contains(HttpHeaderNames.CONTENT_ENCODING);
  }

  private void dispatch(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof HttpRequest request) {
      theirs = !isWebhook(request);
      if (theirs) {
        downstream++;
        ctx.fireChannelRead(msg);
        return;
      }
      start(ctx, request);
    }
    if (msg instanceof HttpContent content && !theirs) {
      read(ctx, content);
    } else if (!(msg instanceof HttpRequest)) {
      ctx.fireChannelRead(msg);
    }
  }

  private void start(ChannelHandlerContext ctx, HttpRequest request) {
    mine = request;
    body = ctx.alloc().buffer();
    if (HttpUtil.getContentLength(request, -1L) > webhooks.maxRequestSize()) {
      tooLarge(ctx);
    } else if (HttpUtil.is100ContinueExpected(request)) {
      ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
    }
  }

  private void read(ChannelHandlerContext ctx, HttpContent content) {
    try {
      if (body == null) {
        return; // the rest of a body already refused
      }
      if (body.readableBytes() + (long) content.content().readableBytes() > webhooks.maxRequestSize()) {
        tooLarge(ctx);
        return;
      }
      body.writeBytes(content.content());
    } finally {
      ReferenceCountUtil.release(content);
    }
    if (content instanceof LastHttpContent) {
      HttpRequest request = mine;
      byte[] bytes = new byte[body.readableBytes()];
      body.readBytes(bytes);
      body.release();
      body = null;
      boolean secure = ctx.pipeline().get(SslHandler.class) != null;
      webhooks.executor().execute(() -> {
        RawTwilioWebhooks.Answer answer = webhooks.answer(request.uri(), request.headers(), bytes, secure);
        ctx.executor().execute(() -> respond(ctx, request, answer));
      });
    }
  }

  private void tooLarge(ChannelHandlerContext ctx) {
    body.release();
    body = null;
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
        HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, Unpooled.wrappedBuffer(
            "{\"error\":\"request_entity_too_large\",\"message\":\"The content length exceeds the maximum allowed content length\"}"
                .getBytes(StandardCharsets.UTF_8)));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
        .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    HttpUtil.setContentLength(response, response.content().readableBytes());
    ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
  }

  private void respond(ChannelHandlerContext ctx, HttpRequest request, RawTwilioWebhooks.Answer answer) {
    FullHttpResponse response = new DefaultFullHttpResponse(request.protocolVersion(),
        HttpResponseStatus.valueOf(answer.status()), Unpooled.wrappedBuffer(answer.body()));
    var headers = response.headers();
    headers.set(HttpHeaderNames.CONTENT_TYPE, answer.contentType())
        .set(HttpHeaderNames.CONTENT_LENGTH, answer.body().length)
        .set(SecurityHeadersFilter.NO_FRAMING.getKey(), SecurityHeadersFilter.NO_FRAMING.getValue());
    SecurityHeadersFilter.EVERY_ANSWER.forEach(headers::set);
    if (answer.retryAfterSeconds() > 0) {
      headers.set(HttpHeaderNames.RETRY_AFTER, answer.retryAfterSeconds());
    }
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    HttpUtil.setKeepAlive(response, keepAlive);
    var written = ctx.writeAndFlush(response);
    if (!keepAlive) {
      written.addListener(ChannelFutureListener.CLOSE);
      return;
    }
    mine = null;
    drain(ctx);
  }

  /** Handles the held messages that may go now, in order; then reads on if reading was paused. */
  private void drain(ChannelHandlerContext ctx) {
    while (!held.isEmpty() && !(held.peek() instanceof HttpRequest request && mustWait(request))) {
      dispatch(ctx, held.poll());
    }
    if (held.isEmpty() && mine == null && readWanted) {
      readWanted = false;
      ctx.read();
    }
  }

  @Override
  public void read(ChannelHandlerContext ctx) {
    if (mine != null && body == null || !held.isEmpty()) { // answering, or a request waits: pause
      readWanted = true;
    } else {
      ctx.read();
    }
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    boolean ends = msg instanceof LastHttpContent
        && !(msg instanceof HttpResponse response && response.status().codeClass() == HttpStatusClass.INFORMATIONAL
            && response.status().code() != HttpResponseStatus.SWITCHING_PROTOCOLS.code());
    ctx.write(msg, promise);
    if (ends && downstream > 0 && --downstream == 0 && !held.isEmpty()) {
      ctx.executor().execute(() -> drain(ctx));
    }
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    if (body != null) {
      body.release();
      body = null;
    }
    held.forEach(ReferenceCountUtil::release);
    held.clear();
  }
}
