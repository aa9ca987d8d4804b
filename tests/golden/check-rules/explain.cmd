explain DOC001
