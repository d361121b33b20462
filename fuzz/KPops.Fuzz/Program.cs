// Fuzz targets are added by the reliability work (issue 7); see docs/reliability.md.
return 0;
