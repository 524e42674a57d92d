/**
 * Single sign-on for staff with OpenID Connect: each organization names its provider, and a login there ends in the
 * same staff token a password login gives.
 */
@NullMarked
package dev.kefu.security.sso;

import org.jspecify.annotations.NullMarked;
