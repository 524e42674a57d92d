/**
 * Customers: an anonymous visitor identity that survives reloads (a signed visitor token), and the profile the
 * pre-chat form or an agent fills in: name, e-mail, phone and custom attributes.
 */
@NullMarked
package dev.kefu.contact;

import org.jspecify.annotations.NullMarked;
