/**
 * Leave-a-message (留言): when no chat can be had, the customer leaves a message with a way to reach them; it becomes
 * a ticket that agents of the group answer and close, and that waits for the first of them to come online. A call-back
 * request (回呼), a phone number and a window to be called in, is a ticket of its own kind with its calls counted.
 */
@NullMarked
package dev.kefu.ticket;

import org.jspecify.annotations.NullMarked;
