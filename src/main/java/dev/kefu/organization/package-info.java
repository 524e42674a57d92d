/**
 * Organizations (tenants), their service centers, business groups and staff members with roles and chat capacity;
 * business hours and the visitor widget's settings.
 */
@NullMarked
package dev.kefu.organization;

import org.jspecify.annotations.NullMarked;
