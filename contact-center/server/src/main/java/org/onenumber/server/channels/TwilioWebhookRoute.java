package org.onenumber.server.channels;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpServerCodec;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

/**
 * Puts a {@link TwilioWebhookHandler} into every HTTP/1.1 connection's pipeline, just before
 * Micronaut's own handler, so that Twilio's Messaging webhooks skip Micronaut's routing, argument
 * binding, security filter chain and reactive response path (issue 11: the largest share of a
 * webhook's CPU). HTTP/2 connections keep the controller ({@link TwilioWebhookController}).
 */
@Singleton
final class TwilioWebhookRoute implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

  private final Provider<RawTwilioWebhooks> webhooks;

  TwilioWebhookRoute(Provider<RawTwilioWebhooks> webhooks) {
    this.webhooks = webhooks;
  }

  @Override
  public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
    event.getBean().register(new PerConnection(null, webhooks));
    return event.getBean();
  }

  private record PerConnection(Channel channel, Provider<RawTwilioWebhooks> webhooks) implements NettyServerCustomizer {

    @Override
    public NettyServerCustomizer specializeForChannel(Channel connection, ChannelRole role) {
      return role == ChannelRole.CONNECTION ? new PerConnection(connection, webhooks) : this;
    }

    @Override
    public void onStreamPipelineBuilt() {
      var pipeline = channel == null ? null : channel.pipeline();
      if (pipeline != null && pipeline.get(HttpServerCodec.class) != null
          && pipeline.get(ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND) != null
          && pipeline.get(TwilioWebhookHandler.class) == null) {
        pipeline.addBefore(ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND, "onenumber-twilio-webhooks",
            new TwilioWebhookHandler(webhooks.get()));
      }
    }
  }
}
