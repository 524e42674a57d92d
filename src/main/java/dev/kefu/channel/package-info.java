/**
 * Channels: where customers' messages come from and where replies go. A {@link dev.kefu.channel.ChannelProvider}
 * (a Spring bean, found at startup) describes one kind of channel: its configuration schema, its inbound path and its
 * outbound sender. Organizations have channel instances of the providers; the web widget ({@code web}) is one provider,
 * the API channel ({@code api}) another, and e-mail or WeChat are added as further providers.
 */
@NullMarked
package dev.kefu.channel;

import org.jspecify.annotations.NullMarked;
