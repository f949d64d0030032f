/**
 * How many communities one person may join. Here rather than in the social contract because the
 * social module reads it too, and a module that imports a contract builds every schema in it when
 * its bundle loads.
 */
export const MAX_COMMUNITIES_PER_USER = 10
