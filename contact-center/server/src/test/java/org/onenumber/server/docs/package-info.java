/**
 * The repository documents itself, and these tests keep it honest: no link or file reference to a
 * path that does not exist and no machine-specific absolute path ({@link ReferenceCheck}). They
 * read files from the checkout ({@link Repository}).
 */
package org.onenumber.server.docs;
