/**
 * WeCom customer service (微信客服, provider {@code wecom-kf}): WeChat users write to a company's customer-service
 * account; WeCom calls Kefu's callback, Kefu reads the messages with {@code kf/sync_msg} and answers with
 * {@code kf/send_msg} through the channel send queue, keeping WeCom's session state in step with the chat's.
 * The WeCom API is called through WxJava (docs/decisions/0012-wecom-client.md).
 */
@NullMarked
package dev.kefu.channel.wecom;

import org.jspecify.annotations.NullMarked;
