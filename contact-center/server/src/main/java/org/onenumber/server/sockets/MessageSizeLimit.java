package org.onenumber.server.sockets;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import jakarta.inject.Singleton;

/**
 * Caps a WebSocket message at {@link #MAX_BYTES} however it is split into frames. Netty refuses a
 * single frame over the {@code @OnMessage(maxPayloadLength)} of the socket, but Micronaut joins the
 * continuation frames of a fragmented message with no limit of its own, so a client could send one
 * message of any size in 64 KiB pieces and fill the heap. Every connection's pipeline gets Netty's
 * {@link WebSocketFrameAggregator} before the WebSocket handler (HTTP messages pass it untouched);
 * past the cap the socket is closed with 1009 (message too big) and nothing of it is kept.
 */
@Singleton
final class MessageSizeLimit implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

  /** The largest message a client may send on any socket of the server, as {@code @OnMessage} allows per frame. */
  static final int MAX_BYTES = 65_536;
  /** The handler Micronaut puts its WebSocket handler before when a connection upgrades. */
  private static final String INBOUND = "micronaut-inbound-handler";

  @Override
  public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
    event.getBean().register(new PerConnection(null));
    return event.getBean();
  }

  private record PerConnection(Channel channel) implements NettyServerCustomizer {

    @Override
    public NettyServerCustomizer specializeForChannel(Channel connection, ChannelRole role) {
      return role == ChannelRole.CONNECTION || role == ChannelRole.REQUEST_STREAM ? new PerConnection(connection) : this;
    }

    @Override
    public void onStreamPipelineBuilt() {
      if (channel != null && channel.pipeline().get(INBOUND) != null && channel.pipeline().get(Aggregator.class) == null) {
        channel.pipeline().addBefore(INBOUND, "onenumber-websocket-message-limit", new Aggregator());
      }
    }
  }

  /** Joins a fragmented message up to the cap; closes the socket with 1009 past it. */
  private static final class Aggregator extends WebSocketFrameAggregator {

    Aggregator() {
      super(MAX_BYTES);
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, WebSocketFrame oversized) {
      ctx.writeAndFlush(new CloseWebSocketFrame(1009, "messages are at most 64 KiB"))
          .addListener(ChannelFutureListener.CLOSE);
    }
  }
}
