package dev.kefu.channel.web;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.kefu.channel.ChannelProvider;
import dev.kefu.channel.ConfigProperty;

/**
 * The chat widget. Every organization has exactly one web channel (made on first use); what the widget looks like is
 * the widget settings', so the channel has nothing to configure. Nothing is sent out: the widget reads its
 * conversation over the realtime gateway.
 */
@Component
class WebChannel implements ChannelProvider {

	static final String ID = "web";

	@Override
	public String id() {
		return ID;
	}

	@Override
	public String displayName() {
		return "Web chat";
	}

	@Override
	public List<ConfigProperty> configuration() {
		return List.of();
	}

	@Override
	public String inboundPath() {
		return "/api/v1/visitor/conversations";
	}

	@Override
	public boolean implicit() {
		return true;
	}
}
