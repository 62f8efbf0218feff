package org.sigillum.web.documents;

import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.annotation.WebListener;

/**
 * Registers the Document Signature API's servlet. It is registered here rather than annotated so that its multipart
 * limits come from the configuration: Undertow then enforces the request limit on the connection itself, chunked
 * bodies included, and writes every part larger than a few kilobytes to disk as it arrives.
 */
@WebListener
public class DocumentUploads implements ServletContextListener {

    public static final String SERVLET_NAME = "sigillum-documents-sign";
    static final String PATH = "/api/v1/documents/sign";
    /** Parts up to this size stay in memory (the options, a small image); anything larger goes to a file. */
    static final int FILE_SIZE_THRESHOLD = 16 * 1024;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        UploadLimits limits = UploadLimits.fromConfig();
        ServletRegistration.Dynamic servlet = event.getServletContext().addServlet(SERVLET_NAME,
                DocumentSigningServlet.class);
        servlet.addMapping(PATH);
        servlet.setMultipartConfig(new MultipartConfigElement("", limits.maxRequestBytes(), limits.maxRequestBytes(),
                FILE_SIZE_THRESHOLD));
    }
}
