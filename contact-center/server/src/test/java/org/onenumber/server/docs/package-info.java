/**
 * The repository documents itself, and these tests keep it honest: no link or file reference to a
 * path that does not exist and no machine-specific absolute path ({@link ReferenceCheck}); the
 * AsyncAPI documents of the WebSockets agree with the frames the code sends and accepts
 * ({@link AsyncApiFramesTest}, reading the code with {@link FrameSources} and the documents with
 * {@link AsyncApiDocument}); every REST operation has a summary and every route a security rule
 * ({@link OpenApiCompletenessTest}). They read files from the checkout ({@link Repository}).
 */
package org.onenumber.server.docs;
