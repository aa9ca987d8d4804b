explain LAW001
