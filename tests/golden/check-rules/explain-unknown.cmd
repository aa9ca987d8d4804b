explain DOC999
