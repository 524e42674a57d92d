/**
 * What WeChat Official Accounts and WeCom share in their callbacks: the WXBizMsgCrypt signature and AES envelope
 * ({@link dev.kefu.channel.callback.CallbackCrypto}), the flat XML they post
 * ({@link dev.kefu.channel.callback.CallbackXml}), and the refusal of a callback that does not prove itself.
 * Internal to the channel module.
 */
@NullMarked
package dev.kefu.channel.callback;

import org.jspecify.annotations.NullMarked;
