a=0
while 1:
  a=a+1
