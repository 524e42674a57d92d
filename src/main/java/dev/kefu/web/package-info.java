/**
 * The web UIs Kefu serves itself: the embeddable visitor widget ({@code /widget.js}, opening {@code /chat/} in an
 * iframe) and the demo page. Plain ES modules with Vue from WebJars; they use only the public HTTP and WebSocket API.
 */
@NullMarked
package dev.kefu.web;

import org.jspecify.annotations.NullMarked;
