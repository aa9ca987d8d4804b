explain DOC011
