/**
 * The WeChat Official Account channel ({@code wechat-mp}): followers' messages and events arrive signed (and, in safe
 * mode, encrypted) at the channel's callback path; agents' replies go out through WeChat's customer-service message
 * API, within the 48 hours WeChat allows after the follower last wrote.
 */
@NullMarked
package dev.kefu.channel.wechat;

import org.jspecify.annotations.NullMarked;
