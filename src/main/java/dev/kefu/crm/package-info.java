/**
 * The CRM card: an organization's own CRM, asked about the customer when a chat opens (a signed POST with a short
 * timeout, answered from a cache), and its fields and links shown beside the chat in the desk.
 */
@NullMarked
package dev.kefu.crm;

import org.jspecify.annotations.NullMarked;
