/**
 * The web widget as a channel provider ({@code web}): every organization has its one web channel, and a visitor's
 * request for a chat is its inbound path.
 */
@NullMarked
package dev.kefu.channel.web;

import org.jspecify.annotations.NullMarked;
