/**
 * The API channel ({@code api}): a company's own system (its app, a mini program, another messenger) posts its
 * customers' messages, signed with the channel's secret, and gets agents' replies and state changes at its callback
 * URL, signed and retried through the webhook outbox.
 */
@NullMarked
package dev.kefu.channel.api;

import org.jspecify.annotations.NullMarked;
